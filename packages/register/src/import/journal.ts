/** Undo log for the in-memory picture, so that a group whose transaction fails leaves no trace in it. */
export class Journal {
  private undos: (() => void)[] = []
  record(undo: () => void): void {
    this.undos.push(undo)
  }
  rollback(): void {
    for (let i = this.undos.length - 1; i >= 0; i--) this.undos[i]!()
    this.undos = []
  }
  clear(): void {
    this.undos = []
  }
}
