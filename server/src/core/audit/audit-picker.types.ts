import { Field, ID, ObjectType } from 'type-graphql';

/** Someone whose entries the actor filter can pick: a user of the reader's organization. */
@ObjectType('AuditActor', { simpleResolvers: true })
export class AuditActorType {
  @Field(() => ID, { description: 'What the actorId filter takes.' })
  id!: string;

  @Field(() => String, { description: '`user` (entries name API keys by the name they recorded).' })
  actorType!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;
}

/** The values the action and resource-type filters know, for pickers that still take a prefix. */
@ObjectType('AuditVocabulary', { simpleResolvers: true })
export class AuditVocabularyType {
  @Field(() => [String], {
    description:
      'Every action entries can carry: each root field as query.<field> or mutation.<field>, and the actions modules write.',
  })
  actions!: string[];

  @Field(() => [String], { description: 'Every object type an entry can name as its resource.' })
  resourceTypes!: string[];
}
