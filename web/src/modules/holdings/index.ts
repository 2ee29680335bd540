// What the rest of the console may use from holdings; everything else in this folder is internal.
export { holdingsRoutes } from './routes';
export { insecureTransportReason } from './lib/onboardingTransport';
export { InsecureTransportAlert } from './components/InsecureTransportAlert';
