import { describe, expect, it } from 'vitest';
import { decodeCsvUpload, parseCsvRows } from './csv-upload.decode';

const csv = (text: string) => Buffer.from(text);

describe('parseCsvRows', () => {
  it('reads rows with or without a header, CRLF, spaces and blank lines', () => {
    const r = parseCsvRows(csv('label,p1,p2\r\n1, 2 ,3\r\n\n0,255,0\n'), 'train');
    expect(r.count).toBe(2);
    expect(r.width).toBe(2);
    expect(Array.from(r.labels)).toEqual([1, 0]);
    expect(Array.from(r.pixels)).toEqual([2, 3, 255, 0]);
    expect(parseCsvRows(csv('1,2\n0,3'), 'x').count).toBe(2);
  });

  it('names the line and column of what is wrong', () => {
    const cases: [string, string][] = [
      ['1,2,3\n0,abc,3\n', 'train line 2: column 2: "abc" is not a whole number from 0 to 255'],
      ['1,2,3\n0,1.5,3\n', 'train line 2: column 2: "1.5" is not a whole number from 0 to 255'],
      ['1,2,3\n0,-1,3\n', 'train line 2: column 2: "-1" is not a whole number from 0 to 255'],
      ['1,2,3\n0,256,3\n', 'train line 2: column 2: 256 is above 255 (pixels and labels are bytes)'],
      ['1,2,3\n0,1\n', 'train line 2: 2 cells, but the first row has 3'],
      ['1,2,3\n0,1,\n', 'train line 2: column 3: an empty cell'],
      ['7\n', 'train line 1: 1 cell; a row is a label then at least one pixel'],
      ['label,a\n', 'train: no rows'],
    ];
    for (const [text, message] of cases) expect(() => parseCsvRows(csv(text), 'train')).toThrow(message);
  });
});

describe('decodeCsvUpload', () => {
  const row = (label: number, n: number, v = 1) => [label, ...new Array(n).fill(v)].join(',');
  it('infers square gray and RGB images, or takes the shape given', () => {
    const gray = decodeCsvUpload({ train: csv(`${row(0, 4)}\n${row(1, 4)}`), test: csv(row(1, 4)) });
    expect(gray.train).toMatchObject({ count: 2, height: 2, width: 2, channels: 1, classNames: ['0', '1'] });
    const rgb = decodeCsvUpload({ train: csv(`${row(0, 12)}\n${row(1, 12)}`), test: csv(row(0, 12)) }, { classNames: ['cat', 'dog'] });
    expect(rgb.test).toMatchObject({ count: 1, height: 2, width: 2, channels: 3, classNames: ['cat', 'dog'] });
    const wide = decodeCsvUpload({ train: csv(`${row(0, 6)}\n${row(1, 6)}`), test: csv(row(0, 6)) }, { inputShape: [2, 3, 1] });
    expect(wide.train).toMatchObject({ height: 2, width: 3, channels: 1 });
  });

  it('refuses rows that fit no image, and splits that disagree', () => {
    expect(() => decodeCsvUpload({ train: csv(`${row(0, 5)}\n${row(1, 5)}`), test: csv(row(0, 5)) })).toThrow(
      'train: 5 pixels per row is neither a square gray image (h·h) nor a square RGB one (h·h·3); give inputShape',
    );
    expect(() => decodeCsvUpload({ train: csv(`${row(0, 4)}\n${row(1, 4)}`), test: csv(row(0, 9)) })).toThrow(
      'train rows have 4 pixels but test rows have 9',
    );
    expect(() => decodeCsvUpload({ train: csv(`${row(0, 4)}\n${row(1, 4)}`), test: csv(row(0, 4)) }, { inputShape: [3, 3, 1] })).toThrow(
      'inputShape [3, 3, 1] holds 9 pixels; the rows have 4',
    );
  });
});
