// What the rest of Vigil may use of demo mode: the manifest, and the start bootstrap calls.
export { demoModule } from './demo.module';
export { startDemo, DemoRefusedError, type Demo } from './demo-mode';
