// After a form is refused, the focus goes to its first invalid field in screen order, whose message is read with it
// (aria-describedby): a keyboard or screen-reader user otherwise hears nothing, and the field may be scrolled out of
// sight. Fields are found by `aria-invalid`, which Mantine sets on the control a person uses (a select's visible
// input, not its hidden one), once the errors are drawn: so it looks after the next frame.
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    form?.querySelector<HTMLElement>('[aria-invalid="true"]:not([type="hidden"]):not([disabled])')?.focus();
  });
}
