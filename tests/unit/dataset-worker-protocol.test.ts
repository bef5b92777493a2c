import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestName, requestOfName } from '../../src/data/dataset-worker-protocol';

// The page starts the dataset worker with its first request in the worker's name, so the request goes
// out as soon as the worker's script runs; the worker must read back exactly what was written, and
// nothing from a name it did not get from the page.

describe("the first request in the dataset worker's name", () => {
  it('reads back exactly the request written, whatever its URLs and label', () => {
    fc.assert(
      fc.property(
        fc.record({
          id: fc.integer({ min: 1, max: 2 ** 31 }),
          absoluteUrl: fc.webUrl({ withQueryParameters: true, withFragments: true }),
          shownUrl: fc.string(),
          label: fc.string(),
          cellsFor: fc.option(fc.array(fc.string(), { maxLength: 60 })),
        }),
        (request) => {
          expect(requestOfName(requestName(request))).toEqual(request);
        },
      ),
    );
  });

  it('finds no request in a worker started without one, or in a name the page did not write', () => {
    expect(requestOfName(requestName(null))).toBeNull();
    for (const name of [
      '',
      'stance-dataset',
      'stance-dataset:',
      'stance-dataset:{',
      'stance-dataset:null',
      'stance-dataset:[]',
      'stance-dataset:{"id":"1","absoluteUrl":"u","shownUrl":"s","label":"l"}',
      'stance-dataset:{"id":1,"absoluteUrl":"u","shownUrl":"s"}',
      'stance-dataset:{"id":1,"absoluteUrl":"u","shownUrl":"s","label":"l","cellsFor":"trump"}',
      '{"id":1,"absoluteUrl":"u","shownUrl":"s","label":"l"}',
    ])
      expect(requestOfName(name)).toBeNull();
  });
});
