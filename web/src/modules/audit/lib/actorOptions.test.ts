import { describe, expect, it } from 'vitest';
import { actorOptionLabel, actorOptionsFor } from './actorOptions';

const ada = { value: 'u-1', label: 'Ada Admin <ada@acme.test>' };
const carla = { value: 'u-2', label: 'Carla Compliance <carla@acme.test>' };
const ID = '3f2a9c1e-0b7d-4c55-9a1e-2b3c4d5e6f70';

describe('actorOptionsFor', () => {
  it('should keep the picked actor among the options whatever the server matched since', () => {
    expect(actorOptionsFor([carla], ada, 'car')).toEqual([ada, carla]);
    expect(actorOptionsFor([ada, carla], ada, 'a')).toEqual([ada, carla]);
  });

  it('should offer typed text as an id only when it is one', () => {
    expect(actorOptionsFor([], null, ID)).toEqual([{ value: ID, label: `Actor id ${ID}` }]);
    expect(actorOptionsFor([], null, 'Ada')).toEqual([]);
  });
});

describe('actorOptionLabel', () => {
  it('should read "Name <email>", or the name alone', () => {
    expect(actorOptionLabel('Ada Admin', 'ada@acme.test')).toBe('Ada Admin <ada@acme.test>');
    expect(actorOptionLabel('Payments key', null)).toBe('Payments key');
  });
});
