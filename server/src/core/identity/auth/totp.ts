import { generateSecret, generateURI, verify } from 'otplib';

// RFC 6238 TOTP: 30 s steps, 6 digits, SHA-1 (what authenticator apps implement).
// One step of drift either way is tolerated; a code's step must be later than the last one
// accepted for the user, so a code works once.
const TOLERANCE_SECONDS = 30;
const CODE = /^\d{6}$/;

export const newTotpSecret = () => generateSecret();

export const totpUri = (secret: string, account: string) => generateURI({ issuer: 'Vigil', label: account, secret });

/** The accepted code's time step, or null when the code is wrong, malformed or already used. */
export async function acceptTotp(secret: string, code: string, lastAcceptedStep: number): Promise<number | null> {
  if (!CODE.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: TOLERANCE_SECONDS,
    afterTimeStep: lastAcceptedStep,
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
