import type { CodegenConfig } from '@graphql-codegen/cli';

// The console's typed operations come from the committed contract; CI regenerates and diffs them.
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTimeISO: 'string', JSON: 'unknown' },
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        nonOptionalTypename: false,
        skipTypename: false,
        useTypeImports: true,
      },
    },
  },
};

export default config;
