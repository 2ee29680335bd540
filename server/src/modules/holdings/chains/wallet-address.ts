import { getAddress } from 'ethers';
import { badInput } from '@/lib/errors/app-error';

// A wallet address as onboarded: 0x and 40 hex digits, nothing else (no ICAP, no ENS name: a name
// would be resolved by a third party, and it is not what compliance records). Mixed case must be
// a correct EIP-55 checksum, so a mistyped character is caught rather than watched forever.
const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** The checksummed form of `input`, or BAD_USER_INPUT. The length is checked before any parsing. */
export function parseWalletAddress(input: unknown): string {
  if (typeof input !== 'string' || input.length !== 42 || !HEX_ADDRESS.test(input)) {
    throw badInput('A wallet address is 0x followed by 40 hexadecimal digits', { field: 'address' });
  }
  let address: string;
  try {
    address = getAddress(input);
  } catch {
    throw badInput('The wallet address fails its checksum: check it for a mistyped character', { field: 'address' });
  }
  // Every token mint is a transfer from the zero address: watching it would read the whole chain.
  if (BigInt(address) === 0n) throw badInput('The zero address is not a wallet', { field: 'address' });
  return address;
}
