import { auditModule } from '@/core/audit';
import { identityModule } from '@/core/identity';
import { jobsModule } from '@/core/jobs';
import type { VigilModule } from '@/core/module';
import { alertsModule } from '@/modules/alerts';
import { holdingsModule } from '@/modules/holdings';
import { demoModule } from '@/modules/demo';

/**
 * The one list of modules. Bootstrap, the schema, the shield, the job registry, the
 * re-encryption command and the coverage tests are all built from it: a new capability is a
 * folder under modules/ with a manifest, and one line here.
 */
export const MODULES: readonly VigilModule[] = [
  jobsModule,
  identityModule,
  auditModule,
  holdingsModule,
  alertsModule,
  demoModule,
];
