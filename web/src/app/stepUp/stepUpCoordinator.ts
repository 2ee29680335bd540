import { createStepUpCoordinator } from './createStepUpCoordinator';

/** The console's single step-up prompt, shared by the Apollo link and the StepUpModal. */
export const stepUpCoordinator = createStepUpCoordinator();
