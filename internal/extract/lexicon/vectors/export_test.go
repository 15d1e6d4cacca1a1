package vectors

// Image is the embedded image, for tests.
func Image() []byte { return image }
