/** Training data: folders walked and decoded as {@code unmask scan} reads them, a hash-based split, crops, an image cache. */
package dev.unmask.detect.data;
