import { type ComboboxParsedItem, Select } from '@mantine/core';
import { type CSSProperties, useEffect, useState } from 'react';
import { useAuditActorOptions } from '../hooks/useAuditActorOptions';

type AuditActorPickerProps = {
  actorId: string;
  actorLabel: string;
  onChange: (actorId: string, actorLabel: string) => void;
  style?: CSSProperties;
};

// The server already matched the text (a name, a word of one, an email's beginning): show its
// answer as it is rather than filtering it again by label.
const serverFiltered = ({ options }: { options: ComboboxParsedItem[] }) => options;

/** Picks an actor by name or email (or takes an id pasted in); the filter sends the actor's id. */
export function AuditActorPicker({ actorId, actorLabel, onChange, style }: AuditActorPickerProps) {
  const [search, setSearch] = useState(actorLabel);
  const picked = actorId ? { value: actorId, label: actorLabel || actorId } : null;
  const { options, loading } = useAuditActorOptions(search, picked);
  // Cleared from outside (the form's Clear button): the text goes with the pick.
  useEffect(() => {
    if (!actorId) setSearch('');
  }, [actorId]);

  return (
    <Select
      size="xs"
      label="Actor"
      style={style}
      placeholder="Name, email or id"
      searchable
      clearable
      data={options}
      filter={serverFiltered}
      value={actorId || null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(value, option) => onChange(value ?? '', option?.label ?? '')}
      nothingFoundMessage={loading ? 'Searching…' : 'No one in this organization matches'}
      comboboxProps={{ width: 320, position: 'bottom-start' }}
      data-testid="filter-actor"
    />
  );
}
