export interface Tag {
  id: string;
  name: string;
  /** A Mantine colour name ("blue") or a CSS colour ("#e64980"); null for the default. */
  color: string | null;
}
