import { Image } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';
import './QrCode.css';

/**
 * A QR code drawn on the phone — no network, no third-party image service:
 * what the counter's camera scans. Error correction M survives a cracked screen
 * protector; the quiet zone keeps scanners happy on a dark background.
 */
export function QrCode({ text }: { text: string }) {
  const src = useMemo(() => {
    const code = qrcode(0, 'M');
    // Codes read aloud at a counter fit the denser alphanumeric mode; a WeChat Pay link (lower case) needs bytes.
    code.addData(text, /^[0-9A-Z $%*+\-./:]*$/.test(text) ? 'Alphanumeric' : 'Byte');
    code.make();
    return code.createDataURL(8, 16);
  }, [text]);
  // A square picture in a square box: scaleToFill, because H5's aspectFit positions the picture absolutely and a centred parent shifts it.
  return <Image className="qr-code" src={src} mode="scaleToFill" data-testid="qr-code" />;
}
