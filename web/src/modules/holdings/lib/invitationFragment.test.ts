import { describe, expect, it } from 'vitest';
import { invitationFromFragment } from './invitationFragment';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';

describe('invitationFromFragment', () => {
  it('should read the token when the fragment carries a whole one', () => {
    expect(TOKEN).toHaveLength(43);
    expect(invitationFromFragment(`#invitation=${TOKEN}`)).toEqual({ kind: 'token', token: TOKEN });
    expect(invitationFromFragment(`invitation=${TOKEN}`)).toEqual({ kind: 'token', token: TOKEN });
  });

  it('should read the token when other fragment parameters surround it', () => {
    expect(invitationFromFragment(`#utm=x&invitation=${TOKEN}&y=1`)).toEqual({ kind: 'token', token: TOKEN });
  });

  it('should say missing when there is no invitation in the fragment', () => {
    expect(invitationFromFragment('')).toEqual({ kind: 'missing' });
    expect(invitationFromFragment('#')).toEqual({ kind: 'missing' });
    expect(invitationFromFragment('#other=1')).toEqual({ kind: 'missing' });
  });

  it('should say malformed when the link was cut short or altered', () => {
    expect(invitationFromFragment(`#invitation=${TOKEN.slice(0, 40)}`)).toEqual({ kind: 'malformed' });
    expect(invitationFromFragment(`#invitation=${TOKEN}x`)).toEqual({ kind: 'malformed' });
    expect(invitationFromFragment('#invitation=')).toEqual({ kind: 'malformed' });
  });

  it('should refuse hostile bytes instead of passing them on', () => {
    expect(invitationFromFragment(`#invitation=${TOKEN.slice(0, 42)}%00`)).toEqual({ kind: 'malformed' });
    expect(invitationFromFragment(`#invitation=${TOKEN.slice(0, 40)}%3Cb%3E`)).toEqual({ kind: 'malformed' });
    expect(invitationFromFragment(`#invitation=${'A'.repeat(5000)}`)).toEqual({ kind: 'malformed' });
  });
});
