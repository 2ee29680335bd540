import { describe, expect, it } from 'vitest';
import { validateEmail } from './validateEmail';

describe('validateEmail', () => {
  it('should accept an ordinary work address, surrounding spaces ignored', () => {
    expect(validateEmail(' carla.compliance+ops@acme-corp.example ')).toBeNull();
  });

  it('should say the @ is missing when there is none', () => {
    expect(validateEmail('carla.acme.test')).toMatch(/needs an @/);
  });

  it('should refuse an address without a domain suffix or with a space inside', () => {
    expect(validateEmail('carla@acme')).toMatch(/Not a valid email/);
    expect(validateEmail('carla @acme.test')).toMatch(/Not a valid email/);
  });

  it('should ask for an email when the field is empty', () => {
    expect(validateEmail('   ')).toMatch(/Enter an email address/);
  });
});
