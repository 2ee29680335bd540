import { describe, expect, it } from 'vitest';
import { recoveryCodesLeftText } from './recoveryCodesLeft';

describe('recovery codes left', () => {
  it('should urge new codes when none are left', () => {
    expect(recoveryCodesLeftText(0)).toMatch(/no recovery codes left.*Issue new ones now/);
  });

  it('should warn in the singular and plural when few are left', () => {
    expect(recoveryCodesLeftText(1)).toMatch(/^Only 1 recovery code left\./);
    expect(recoveryCodesLeftText(2)).toMatch(/^Only 2 recovery codes left\./);
  });

  it('should say plainly how many are left otherwise, and that new ones replace them', () => {
    expect(recoveryCodesLeftText(10)).toMatch(/^10 unused codes/);
    expect(recoveryCodesLeftText(10)).toMatch(/every old one stop working/);
  });
});
