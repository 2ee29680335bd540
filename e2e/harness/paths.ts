import path from 'node:path';

export const E2E_DIR = path.resolve(import.meta.dirname, '..');
export const REPO_ROOT = path.resolve(E2E_DIR, '..');
export const WEB_DIST_DIR = path.join(REPO_ROOT, 'web', 'dist');
export const ARTIFACTS_DIR = path.join(E2E_DIR, 'artifacts');
