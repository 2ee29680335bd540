import { describe, expect, it } from 'vitest';
import { createStepUpCoordinator } from './createStepUpCoordinator';

describe('createStepUpCoordinator', () => {
  it('should open the prompt when an operation requests step-up', () => {
    const coordinator = createStepUpCoordinator();
    void coordinator.request('Changing a role needs MFA');
    expect(coordinator.getState()).toEqual({ open: true, reason: 'Changing a role needs MFA' });
  });

  it('should resolve every waiting operation with the same outcome when settled', async () => {
    const coordinator = createStepUpCoordinator();
    const first = coordinator.request();
    const second = coordinator.request();
    coordinator.settle(true);
    await expect(Promise.all([first, second])).resolves.toEqual([true, true]);
    expect(coordinator.getState().open).toBe(false);
  });

  it('should resolve false when the person cancels', async () => {
    const coordinator = createStepUpCoordinator();
    const pending = coordinator.request();
    coordinator.settle(false);
    await expect(pending).resolves.toBe(false);
  });

  it('should start a new round after settling when asked again', async () => {
    const coordinator = createStepUpCoordinator();
    const first = coordinator.request();
    coordinator.settle(false);
    const second = coordinator.request();
    expect(coordinator.getState().open).toBe(true);
    coordinator.settle(true);
    await expect(first).resolves.toBe(false);
    await expect(second).resolves.toBe(true);
  });

  it('should notify subscribers when the prompt opens and closes', () => {
    const coordinator = createStepUpCoordinator();
    const seen: boolean[] = [];
    const unsubscribe = coordinator.subscribe(() => seen.push(coordinator.getState().open));
    void coordinator.request();
    coordinator.settle(true);
    unsubscribe();
    void coordinator.request();
    expect(seen).toEqual([true, false]);
  });
});
