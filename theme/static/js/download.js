// Hands the reader a file the page made or fetched (her checklist, her answers, a
// kept PDF) as a download: one way for every script (checklist.js, worksheet.js,
// offline.js).
export function saveFile(blob, name) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}
