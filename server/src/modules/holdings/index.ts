// What the rest of Vigil may use of holdings; everything else in this folder is its own.
export { holdingsModule } from './holdings.module';
