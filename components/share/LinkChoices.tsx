import { useId } from 'react';
import './share.css';

interface LinkChoicesProps {
  /** The invite links found in the pasted text, exactly as written there. */
  choices: string[];
  chosen: string;
  onChoose: (url: string) => void;
  /** "The pasted text holds 2 different invite links. Choose yours." */
  prompt: string;
}

/** "Which link is yours?": one radio button per invite link found in the pasted text. Saving saves the chosen one. */
export function LinkChoices({ choices, chosen, onChoose, prompt }: LinkChoicesProps) {
  const name = useId();
  return (
    <fieldset className="link-choices">
      <legend>{prompt}</legend>
      {choices.map((url) => (
        <label key={url} className="link-choice user-text">
          <input type="radio" name={name} value={url} checked={chosen === url} onChange={() => onChoose(url)} />
          <span dir="ltr">{url}</span>
        </label>
      ))}
    </fieldset>
  );
}
