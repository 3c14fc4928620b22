import { describe, expect, it } from 'vitest';
import { spriteRect, spriteTileStyle } from './top9-sprite';

describe('spriteTileStyle', () => {
  it('scales the sprite so the tile fills the box, and shifts it to the tile', () => {
    // A 5×4 tile at (10, 20) of a 90×70 sprite, in a 40-px box: ×8 across, ×10 down.
    expect(spriteTileStyle('/s.png', { width: 90, height: 70 }, [10, 20, 5, 4], 40)).toEqual({
      width: 40,
      height: 40,
      backgroundImage: 'url("/s.png")',
      backgroundPosition: '-80px -200px',
      backgroundSize: '720px 700px',
    });
  });

  it('finds a rank’s rect by the map’s position in the result, or none', () => {
    const sprite = {
      image: 'top9-sprite',
      width: 18,
      height: 2,
      deconv: [[[0, 0, 1, 1] as [number, number, number, number]]],
      patch: [[]],
    };
    expect(spriteRect(sprite, 'deconv', 0, 0)).toEqual([0, 0, 1, 1]);
    expect(spriteRect(sprite, 'patch', 0, 0)).toBeUndefined();
    expect(spriteRect(sprite, 'deconv', 3, 0)).toBeUndefined();
  });
});
