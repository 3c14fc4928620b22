export * from './datasets/dataset.types';
