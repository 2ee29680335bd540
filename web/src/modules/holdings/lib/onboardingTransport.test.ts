import { describe, expect, it } from 'vitest';
import { insecureTransportReason } from './onboardingTransport';

const prod = (protocol: string, hostname: string) => ({ production: true, protocol, hostname });

describe('insecureTransportReason', () => {
  it('should refuse plain HTTP on a real host when in production', () => {
    const reason = insecureTransportReason(prod('http:', 'vigil.example.com'));
    expect(reason).toMatch(/only travel over HTTPS/);
    expect(reason).toContain('http://vigil.example.com');
  });

  it('should refuse plain HTTP on a LAN address or a look-alike of loopback when in production', () => {
    expect(insecureTransportReason(prod('http:', '192.168.1.20'))).not.toBeNull();
    expect(insecureTransportReason(prod('http:', '127.0.0.1.evil.example'))).not.toBeNull();
    expect(insecureTransportReason(prod('http:', 'localhost.evil.example'))).not.toBeNull();
    expect(insecureTransportReason(prod('http:', '1270.0.0.1'))).not.toBeNull();
  });

  it('should refuse a protocol that is neither HTTPS nor loopback HTTP when in production', () => {
    expect(insecureTransportReason(prod('file:', ''))).not.toBeNull();
    expect(insecureTransportReason(prod('ws:', 'localhost'))).not.toBeNull();
  });

  it('should allow HTTPS when in production', () => {
    expect(insecureTransportReason(prod('https:', 'vigil.example.com'))).toBeNull();
  });

  it('should allow loopback HTTP when in production, as browsers count it a secure context', () => {
    expect(insecureTransportReason(prod('http:', '127.0.0.1'))).toBeNull();
    expect(insecureTransportReason(prod('http:', 'localhost'))).toBeNull();
    expect(insecureTransportReason(prod('http:', 'LOCALHOST'))).toBeNull();
    expect(insecureTransportReason(prod('http:', '[::1]'))).toBeNull();
  });

  it('should allow anything when in development', () => {
    expect(insecureTransportReason({ production: false, protocol: 'http:', hostname: 'vigil.example.com' })).toBeNull();
  });
});
