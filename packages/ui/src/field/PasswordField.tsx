import { useState } from "react";
import { useControlId } from "./field-ids";
import { TextField, type TextFieldProps } from "./TextField";
import "./PasswordField.css";

export interface PasswordFieldProps extends Omit<TextFieldProps, "type" | "suffix" | "trailing"> {
  /** "current-password" at sign-in, "new-password" when setting one. */
  autoComplete: "current-password" | "new-password";
}

/** A password box with a 表示/隠す toggle, so a phone user can check what was typed. */
export function PasswordField({ id, ...props }: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  const inputId = useControlId(id, "sos-password");
  return (
    <TextField
      {...props}
      id={inputId}
      type={visible ? "text" : "password"}
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      trailing={
        <button
          type="button"
          className="sos-password__toggle"
          aria-controls={inputId}
          // The visible word is part of the name (WCAG 2.5.3), the rest says what it acts on.
          aria-label={visible ? "パスワードを隠す" : "パスワードを表示する"}
          onClick={() => setVisible((shown) => !shown)}
        >
          {visible ? "隠す" : "表示する"}
        </button>
      }
    />
  );
}
