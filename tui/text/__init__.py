"""Plain text shared by the command line and the screens: labels, words, number and date
formatting. No Textual, no Rich."""
