// What the rest of the console may use from auth; everything else in this folder is internal.
export { MfaEnrollmentCard } from './components/MfaEnrollmentCard';
export { RecoveryCodesPanel } from './components/RecoveryCodesPanel';
export { StepUpModal } from './components/StepUpModal';
export { useApplyAuthPayload } from './hooks/useApplyAuthPayload';
export { useSignOut } from './hooks/useSignOut';
export { useViewer } from './hooks/useViewer';
export { STEP_UP_LIFETIME_HOURS, STEP_UP_LIFETIME_TEXT } from './lib/stepUpLifetime';
export { ViewerContext } from './hooks/ViewerContext';
export { authRoutes } from './routes';
