import { notifications } from '@mantine/notifications';

/**
 * The one way a write says it worked: a teal notification naming what changed, bottom right (App.tsx
 * mounts the container). Failures stay in the form or dialog that caused them, next to the fields.
 */
export function notifySuccess(title: string, message: string): void {
  notifications.show({ color: 'teal', title, message, withBorder: true });
}
