import type { TSpriteRect, TTop9Sprite } from '@tensorscope/shared';

/*
 * A top-9 tile drawn out of its job's sprite (one PNG for the whole grid, see ZTop9Sprite) as the
 * CSS background of a square box: the tile's rect is scaled to fill the box, as the single tile's
 * <img> was (a patch clipped at the image border is stretched the same way), pixels kept hard.
 */

export interface TSpriteTileStyle {
  width: number;
  height: number;
  backgroundImage: string;
  backgroundPosition: string;
  backgroundSize: string;
}

export function spriteTileStyle(
  url: string,
  sheet: Pick<TTop9Sprite, 'width' | 'height'>,
  rect: TSpriteRect,
  size: number,
): TSpriteTileStyle {
  const [x, y, w, h] = rect;
  const sx = size / w;
  const sy = size / h;
  return {
    width: size,
    height: size,
    backgroundImage: `url("${url}")`,
    backgroundPosition: `${-x * sx}px ${-y * sy}px`,
    backgroundSize: `${sheet.width * sx}px ${sheet.height * sy}px`,
  };
}

/** Where rank `rank` of the map at `mapIndex` (its position in the result) lies, if the sprite has it. */
export function spriteRect(sprite: TTop9Sprite, kind: 'deconv' | 'patch', mapIndex: number, rank: number): TSpriteRect | undefined {
  return sprite[kind][mapIndex]?.[rank];
}
