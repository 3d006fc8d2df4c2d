/** Hands the browser a file to save, named by the page, from text or a canvas. */
export function downloadText(name: string, text: string, type: string): void {
  download(name, new Blob([text], { type }));
}

/** The canvas on a background of `background` (a chart's canvas is transparent), as a PNG. */
export function downloadCanvas(name: string, canvas: HTMLCanvasElement, background: string): void {
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext('2d');
  if (!context) return;
  context.fillStyle = background;
  context.fillRect(0, 0, copy.width, copy.height);
  context.drawImage(canvas, 0, 0);
  copy.toBlob((blob) => {
    if (blob) download(name, blob);
  }, 'image/png');
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Freed once the browser has surely read it; revoking at once can cancel a slow download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
