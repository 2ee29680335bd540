import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ViewerType } from '@/core/identity/users/viewer.types';

@ObjectType('AuthPayload', { simpleResolvers: true })
export class AuthPayloadType {
  @Field(() => String, { description: 'Bearer token: `Authorization: Bearer <token>`. Valid 24 hours.' })
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Int)
  aal!: number;

  @Field(() => Boolean, { description: 'True when the user has MFA enrolled and this token is only AAL1: prompt for a code.' })
  mfaRequired!: boolean;

  @Field(() => ViewerType)
  viewer!: ViewerType;

  @Field(() => [String], {
    nullable: true,
    description:
      'Only from confirmMfaEnrollment: single-use codes that stand in for a TOTP code at step-up. Shown this once ' +
      '(stored hashed); null on every other payload.',
  })
  recoveryCodes?: string[] | null;
}

@ObjectType('MfaEnrollment', { simpleResolvers: true })
export class MfaEnrollmentType {
  @Field(() => String, { description: 'Base32 secret, for typing into an authenticator by hand.' })
  secret!: string;

  @Field(() => String)
  otpauthUrl!: string;

  @Field(() => String, { description: 'The otpauth URL as a PNG data URL QR code.' })
  qrCodeDataUrl!: string;
}

@InputType()
export class LoginInput {
  @Field(() => String, { description: "The organization's slug: an account belongs to one organization." })
  organization!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  currentPassword!: string;

  @Field(() => String)
  newPassword!: string;
}
