import { Field, ID, Int, ObjectType } from 'type-graphql';
import { UserType } from './user.types';

@ObjectType('Organization', { simpleResolvers: true })
export class OrganizationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'What its people type to sign in to it.' })
  slug!: string;
}

@ObjectType('Viewer', { simpleResolvers: true })
export class ViewerType {
  @Field(() => UserType)
  user!: UserType;

  @Field(() => OrganizationType)
  organization!: OrganizationType;

  @Field(() => [String])
  permissions!: string[];

  @Field(() => Int, { description: '1 after a password, 2 after a TOTP code.' })
  aal!: number;

  @Field(() => Date, { nullable: true })
  mfaVerifiedAt!: Date | null;

  @Field(() => Date)
  sessionExpiresAt!: Date;

  @Field(() => Boolean, {
    description: 'This session may only read `me`, change the password and sign out: someone else set the password.',
  })
  passwordChangeRequired!: boolean;

  @Field(() => Int, { description: 'Unused TOTP recovery codes (0 without MFA).' })
  recoveryCodesRemaining!: number;
}
