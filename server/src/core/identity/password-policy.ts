import { z } from 'zod';

// What a new password must be: long rather than complex (NIST SP 800-63B), bounded so that
// hashing cannot be made to run on megabytes.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH);
