import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconLink } from '@tabler/icons-react';
import { useState } from 'react';
import type { EmployeeInvitationFieldsFragment } from '@/generated/graphql';
import { formatDateTime } from '@/ui/lib/formatDateTime';

type InvitationLinkModalProps = {
  /** The answer of inviteEmployee or reissueInvitation; null when closed. */
  invitation: EmployeeInvitationFieldsFragment | null;
  title: string;
  onClose: () => void;
};

/**
 * The one time an invitation link is shown: Vigil stores only its hash, so once this closes the
 * link is gone. A click outside does not close it by accident.
 */
export function InvitationLinkModal({ invitation, title, onClose }: InvitationLinkModalProps) {
  const [copiedOnce, setCopiedOnce] = useState(false);
  const close = () => {
    setCopiedOnce(false);
    onClose();
  };
  return (
    <Modal
      opened={invitation !== null}
      onClose={close}
      title={title}
      size="lg"
      closeOnClickOutside={false}
      data-testid="invitation-link-modal"
    >
      {invitation && (
        <Stack gap="md">
          <Text fz="sm">
            Send this link to <b>{invitation.employee.name}</b> ({invitation.employee.email}) through a channel you trust. It
            opens a page where they choose a password; next they connect their exchange keys.
          </Text>
          <Stack gap={6}>
            <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="invitation-link">
              {invitation.link}
            </Code>
            <Group justify="space-between" gap="xs">
              <Text fz="xs" c="dimmed" data-testid="invitation-link-expiry">
                Works once, until {formatDateTime(invitation.expiresAt)}.
              </Text>
              <CopyButton value={invitation.link} timeout={2000}>
                {({ copied, copy }) => (
                  <Button
                    size="xs"
                    variant={copied ? 'light' : 'filled'}
                    color={copied ? 'teal' : undefined}
                    leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                    onClick={() => {
                      copy();
                      setCopiedOnce(true);
                    }}
                    data-testid="invitation-link-copy"
                  >
                    {copied ? 'Copied' : 'Copy link'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
          <Alert color="orange" variant="light" icon={<IconLink size={16} />} title="Shown only this once">
            Vigil keeps no copy of this link, only a fingerprint to recognise it, so it cannot be shown again. It works once:
            after the employee has chosen a password it is dead. If it is lost or expires, re-send the invitation from the
            employee’s page; that makes a new link and the old one stops working.
          </Alert>
          <Group justify="flex-end">
            <Button variant={copiedOnce ? 'filled' : 'default'} onClick={close} data-testid="invitation-link-done">
              {copiedOnce ? 'Done' : 'Close'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
