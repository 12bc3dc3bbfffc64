/** A canned response as the reply box offers it: `text` has the placeholders filled in. */
export interface CannedResponse {
  id: string;
  shortcut: string;
  title: string;
  body: string;
  text?: string;
}
