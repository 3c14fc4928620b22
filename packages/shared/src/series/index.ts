export * from './ema.smooth';
export * from './twema.smooth';
export * from './sma.smooth';
export * from './downsample.extremes';
