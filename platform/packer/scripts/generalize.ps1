# Generalizes the VM the way Azure expects of a Windows image: wait for the guest agent, run
# Sysprep in VM mode, and return only once Windows reports the image ready to capture.
$ErrorActionPreference = 'Stop'
foreach ($service in 'RdAgent', 'WindowsAzureGuestAgent') {
  while ((Get-Service $service).Status -ne 'Running') { Start-Sleep -Seconds 5 }
}
& "$env:SystemRoot\System32\Sysprep\Sysprep.exe" /oobe /generalize /quiet /quit /mode:vm
$stateKey = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Setup\State'
while ($true) {
  $state = (Get-ItemProperty $stateKey).ImageState
  Write-Output $state
  if ($state -eq 'IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE') { break }
  Start-Sleep -Seconds 10
}
