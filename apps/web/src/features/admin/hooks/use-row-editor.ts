import { useState } from 'react';

/** State of an admin list: which row the form edits (null: a new one) and which row awaits deletion. */
export function useRowEditor<T>() {
  const [editing, setEditing] = useState<T | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [deleting, setDeleting] = useState<T | null>(null);
  return {
    editing,
    formOpen,
    deleting,
    openForm: (row: T | null) => {
      setEditing(row);
      setFormOpen(true);
    },
    closeForm: () => setFormOpen(false),
    askDelete: (row: T) => setDeleting(row),
    cancelDelete: () => setDeleting(null),
  };
}
