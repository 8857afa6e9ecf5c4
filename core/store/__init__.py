"""Storage: the `Store` facade (`facade`) over a TinyDB storage (`storage`) that is safe
with kills and several processes: the data file format (`datafile`), the save journal
(`journal`), what is on disk (`disk_state`), the lock (`lock`), private atomic files
(`atomic`) and rotating backups (`backups`)."""
