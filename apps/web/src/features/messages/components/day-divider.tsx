import classes from './thread.module.css';

export function DayDivider({ label }: { label: string }) {
  return (
    <div className={classes.day} role="separator" aria-label={label}>
      <span className={classes.dayLabel}>{label}</span>
    </div>
  );
}
