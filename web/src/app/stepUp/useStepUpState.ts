import { useSyncExternalStore } from 'react';
import type { StepUpState } from './createStepUpCoordinator';
import { stepUpCoordinator } from './stepUpCoordinator';

export function useStepUpState(): StepUpState {
  return useSyncExternalStore(stepUpCoordinator.subscribe, stepUpCoordinator.getState);
}
