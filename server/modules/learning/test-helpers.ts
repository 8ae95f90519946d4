// Files the learning tests upload: the smallest bytes each kind's content check takes.

/** `size` bytes that start with an MP4 'ftyp isom' box (the rest zeros): an mp4 video to the upload check. */
export const mp4 = (size: number): Buffer => {
  const b = Buffer.alloc(size);
  Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]).copy(b);
  return b;
};

/** A minimal PDF (header, one object, trailer, end marker). */
export const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
