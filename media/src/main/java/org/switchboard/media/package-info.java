/** Voice and video: capture, codecs, RTP, jitter buffer. No JavaFX controls; hands frames and levels to the app. */
package org.switchboard.media;
