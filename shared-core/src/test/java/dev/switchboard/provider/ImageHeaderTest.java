package dev.switchboard.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageHeaderTest {

    @ParameterizedTest(name = "{0} {1}x{2}")
    @CsvSource({"png, 640, 480", "png, 1, 1", "jpeg, 1024, 768", "jpeg, 33, 4000", "gif, 300, 200"})
    void readsTheFormatAndSizeOfFilesTheJdkWrites(String format, int width, int height) {
        byte[] file = TestImages.written(format, width, height);
        assertEquals(Optional.of(new ImageHeader("image/" + format, width, height)), ImageHeader.read(file));
    }

    @Test
    void readsEachKindOfWebpHeader() {
        assertEquals(Optional.of(new ImageHeader("image/webp", 800, 600)), ImageHeader.read(TestImages.webpLossy(800, 600)));
        assertEquals(Optional.of(new ImageHeader("image/webp", 4000, 3000)),
                ImageHeader.read(TestImages.webpExtended(4000, 3000)));
        assertEquals(Optional.of(new ImageHeader("image/webp", 1000, 16384)),
                ImageHeader.read(TestImages.webpLossless(1000, 16384)));
    }

    @Test
    void aJpegCutBeforeItsFrameHeaderIsAJpegOfUnknownSize() {
        byte[] file = TestImages.written("jpeg", 200, 100);
        ImageHeader cut = ImageHeader.read(Arrays.copyOf(file, 20)).orElseThrow();
        assertEquals("image/jpeg", cut.mediaType());
        assertFalse(cut.sized());
        assertTrue(ImageHeader.read(file).orElseThrow().sized());
    }

    @Test
    void bytesOfNoKnownFormatHaveNoHeader() {
        assertEquals(Optional.empty(), ImageHeader.read("hello, world".getBytes()));
        assertEquals(Optional.empty(), ImageHeader.read(new byte[0]));
        assertEquals(Optional.empty(), ImageHeader.read(TestImages.written("bmp", 4, 4)), "BMP is no provider's format");
        assertEquals(Optional.empty(), ImageHeader.read("RIFF\0\0\0\0WAVEfmt ".getBytes()), "a RIFF that is not WebP");
    }

    @Test
    void aTruncatedPngOrGifIsItsFormatOfUnknownSize() {
        byte[] png = TestImages.written("png", 10, 10);
        assertEquals(Optional.of(new ImageHeader("image/png", 0, 0)), ImageHeader.read(Arrays.copyOf(png, 12)));
        byte[] gif = TestImages.written("gif", 10, 10);
        assertEquals(Optional.of(new ImageHeader("image/gif", 0, 0)), ImageHeader.read(Arrays.copyOf(gif, 8)));
    }

    @Test
    void anInlineImageKnowsItsByteCountAndLongestSideWithoutBeingSentAnywhere() {
        for (int length = 10; length < 14; length++) {
            byte[] bytes = java.util.Arrays.copyOf(TestImages.webpExtended(300, 4000), 30 + length);
            ImageInput image = ImageInput.inline("image/webp", TestImages.base64(bytes), null);
            assertEquals(bytes.length, image.byteCount(), "with " + (bytes.length % 3) + " bytes past a multiple of 3");
            assertEquals(4000, image.longestSide());
        }
        assertEquals(0, ImageInput.byAddress("https://example.com/a.png", null).longestSide());
    }
}
