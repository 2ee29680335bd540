// Recovery codes as the server issues them: 20 base32 characters shown as four groups of five.
// A person may type them in capitals, with spaces or without the hyphens.
const RECOVERY_CODE = /^[a-z2-7]{20}$/;

export const normaliseRecoveryCode = (input: string) => input.toLowerCase().replace(/[\s-]/g, '');

export const isRecoveryCodeShaped = (input: string) => RECOVERY_CODE.test(normaliseRecoveryCode(input));

/** The text file a person downloads to keep their codes somewhere safe. */
export function recoveryCodesFile(
  codes: readonly string[],
  account: { email: string; organization: string },
  issuedAt: Date,
): string {
  return [
    `Vigil recovery codes for ${account.email} (organization: ${account.organization})`,
    `Issued ${issuedAt.toISOString()}. Each code works once, in place of an authenticator code.`,
    'Issuing new codes makes all of these stop working.',
    '',
    ...codes,
    '',
  ].join('\n');
}
