#!/bin/sh
# Re-encodes one phantom image (heart_siemens_snr50/dicom/molli_pre/IM_0001.dcm, explicit VR little
# endian) into every transfer syntax the reader supports, with dcmtk 3.6.7 and GDCM 3.0 (Debian:
# apt-get install -y dcmtk libgdcm-tools). Run from packages/imaging/testdata.
set -eu
src=heart_siemens_snr50/dicom/molli_pre/IM_0001.dcm
out=codecs
mkdir -p "$out"
dcmconv +ti "$src" "$out/implicit-little.dcm"       # 1.2.840.10008.1.2
dcmconv +tb "$src" "$out/explicit-big.dcm"          # 1.2.840.10008.1.2.2
dcmconv +td "$src" "$out/deflated.dcm"              # 1.2.840.10008.1.2.1.99
dcmcjpeg +e1 "$src" "$out/jpeg-lossless-sv1.dcm"    # 1.2.840.10008.1.2.4.70
dcmcjpeg +el "$src" "$out/jpeg-lossless.dcm"        # 1.2.840.10008.1.2.4.57
dcmcjpls "$src" "$out/jpeg-ls.dcm"                  # 1.2.840.10008.1.2.4.80
dcmcrle "$src" "$out/rle.dcm"                       # 1.2.840.10008.1.2.5
gdcmconv --j2k "$src" "$out/jpeg2000.dcm"           # 1.2.840.10008.1.2.4.90
