# Runs naast-app --screenshots offscreen at 1280x800 and checks that every main screen was
# written as a PNG that is not blank.
file(REMOVE_RECURSE ${OUT})
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen
          ${APP} --demo ${DEMO} --lang ${LANG} --screenshots ${OUT}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "naast-app --screenshots failed: ${rc}")
endif()
foreach(screen 01-unlock 02-caseload 03-dossier 04-dagboek 05-dagboek-moeder 06-instellingen 07-wie-keek
               08-plan 09-zelfredzaamheid 10-verwijzingen 11-veiligheid 12-toestemmingen
               13-dag-van-het-team)
  if(NOT EXISTS ${OUT}/${screen}.png)
    message(FATAL_ERROR "no screenshot ${screen}.png")
  endif()
  file(SIZE ${OUT}/${screen}.png size)
  # A blank 1280x800 PNG compresses to a few kilobytes; a screen with text does not.
  if(size LESS 15000)
    message(FATAL_ERROR "${screen}.png looks blank (${size} bytes)")
  endif()
endforeach()
