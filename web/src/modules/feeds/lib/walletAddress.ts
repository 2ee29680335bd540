// What the console checks of a wallet address before sending it. The server checks again and is
// the one that verifies a mixed-case address's EIP-55 checksum (the console has no Keccak).

const SHAPE = /^0x[0-9a-fA-F]{40}$/;
const ZERO = /^0x0{40}$/;

/** Why an address cannot be a wallet, or null when it may be sent. */
export function walletAddressProblem(input: string): string | null {
  const address = input.trim();
  if (address === '') return 'Paste the wallet’s address.';
  if (/\.eth$/i.test(address)) return 'Enter the 0x address itself; ENS names are not resolved.';
  if (!address.startsWith('0x')) return 'An address starts with 0x.';
  if (address.length !== 42) return `An address is 0x and 40 hexadecimal characters; this one has ${address.length - 2}.`;
  if (!SHAPE.test(address)) return 'An address holds only the characters 0–9 and a–f after 0x.';
  if (ZERO.test(address)) return 'The zero address belongs to no one; enter your own.';
  return null;
}

/** "0x1234…cdef": enough to recognise an address, with the whole of it a copy away. */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

/** A raw integer amount in the token's smallest unit as a decimal ("1500000", 6 → "1.5"). */
export function unitsText(amount: string, decimals: number): string {
  if (!/^-?\d+$/.test(amount) || !Number.isInteger(decimals) || decimals < 0) return amount;
  const negative = amount.startsWith('-');
  const digits = (negative ? amount.slice(1) : amount).replace(/^0+(?=\d)/, '');
  if (decimals === 0) return `${negative ? '-' : ''}${digits}`;
  const padded = digits.padStart(decimals + 1, '0');
  const whole = padded.slice(0, -decimals);
  const fraction = padded.slice(-decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
