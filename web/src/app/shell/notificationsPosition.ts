import type { NotificationsProps } from '@mantine/notifications';

/**
 * Where the console's notifications stack. Not at the top: the header's controls live there (the
 * MFA badge, the user menu with sign-out) and a notification over them hides them for seconds right
 * after a write, when the person may want to verify or sign out.
 */
export const NOTIFICATIONS_POSITION = 'bottom-right' satisfies NotificationsProps['position'];
