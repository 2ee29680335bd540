import { ActionIcon, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';

type ExplainedActionIconProps = {
  /** What the button does, as its tooltip and accessible name. */
  label: string;
  /** Why it cannot be used now; the button is disabled and the tooltip says this instead. */
  disabledReason?: string | null;
  color?: string;
  onClick: () => void;
  children: ReactNode;
  testId?: string;
};

/**
 * An icon button that always says what it does, and when it cannot be used, why. It is marked
 * disabled with data-disabled rather than the disabled attribute: a disabled button gets no hover,
 * so its tooltip would never show.
 */
export function ExplainedActionIcon({
  label,
  disabledReason,
  color = 'gray',
  onClick,
  children,
  testId,
}: ExplainedActionIconProps) {
  const disabled = Boolean(disabledReason);
  return (
    <Tooltip label={disabledReason ?? label} multiline maw={280} withinPortal>
      <ActionIcon
        variant="subtle"
        color={color}
        aria-label={label}
        aria-disabled={disabled || undefined}
        data-disabled={disabled || undefined}
        onClick={() => {
          if (!disabled) onClick();
        }}
        data-testid={testId}
      >
        {children}
      </ActionIcon>
    </Tooltip>
  );
}
